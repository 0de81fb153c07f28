import { promises as fsp, constants as fsConstants } from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { OutputError, quoted as q, writeError } from './errors';

/**
 * Write a file via a temporary file in the same directory, then rename (or link) it into place:
 * an output is either absent or complete, never half-written, also when the run is interrupted.
 * Without `force` an existing file is never replaced.
 */
export async function writeOutput(out: string, shown: string, data: Buffer | string, force: boolean): Promise<void> {
  const dir = path.dirname(out);
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fsp.writeFile(tmp, data, { flag: 'wx' });
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw writeError(e, shown);
  }
  try {
    if (force) {
      await fsp.rename(tmp, out);
      return;
    }
    try {
      await fsp.link(tmp, out);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new OutputError(`${q(shown)} already exists; use --force to overwrite it`);
      // File systems without hard links: an exclusive copy.
      try {
        await fsp.copyFile(tmp, out, fsConstants.COPYFILE_EXCL);
      } catch (e2) {
        if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputError(`${q(shown)} already exists; use --force to overwrite it`);
        throw writeError(e2, shown);
      }
    }
  } catch (e) {
    if (e instanceof OutputError) throw e;
    throw writeError(e, shown);
  } finally {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
  }
}
