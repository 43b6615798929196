/** At least 8 characters with at least three of: upper case, lower case, digit, symbol. */
export function passwordClasses(pw: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
}

export function isStrongPassword(pw: string): boolean {
  return pw.length >= 8 && pw.length <= 128 && passwordClasses(pw) >= 3;
}
