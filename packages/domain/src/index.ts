export * from './error-codes';
export * from './roles';
export * from './org-codes';
export * from './password-policy';
export * from './messages';
export * from './schemas/common';
export * from './schemas/auth';
