/**
 * The shared source data beside the repository (../shared/data, as the pipeline finds it by default), wherever the
 * clone is. Tests that read it fail loudly when it is missing under CI instead of passing by skipping.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED_DATA = resolve(import.meta.dirname, '../../../shared/data');

if (!existsSync(resolve(SHARED_DATA, 'SOURCES.md')) && process.env.CI === 'true') {
  throw new Error(`the shared source data is missing at ${SHARED_DATA}: clone the repository beside ../shared`);
}
