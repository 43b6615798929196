import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/server, whether running from src/ (tests, tsx) or dist/ (the bundle). */
export const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const referenceDataDir = path.join(serverRoot, 'reference-data');
export const assetsDir = path.join(serverRoot, 'assets');
export const defaultWebDist = path.resolve(serverRoot, '../web/dist');
export const docsDir = path.resolve(serverRoot, '../../docs');
