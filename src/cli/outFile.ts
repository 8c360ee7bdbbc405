/**
 * Writing --out without ever overwriting what the run reads. Paths are compared as the file system sees them:
 * the real path (a symlink or a symlinked folder resolved) and the device and inode (a hard link), so that
 * `--out` naming an input, the --targets or the --mapping file is refused however it is spelt. The output is
 * written to a temporary file in the destination's folder and renamed over it: a run that fails half-way leaves
 * the old file as it was, never a cut-off one.
 */
import * as fs from "fs";
import * as path from "path";

/** The file `out` would write, as the file system names it (a symlink to a file: that file). */
function realTarget(out: string): string {
  try {
    return fs.realpathSync(out);
  } catch {
    // Not there yet: its folder's real path and its own name.
    try {
      return path.join(fs.realpathSync(path.dirname(path.resolve(out))), path.basename(out));
    } catch {
      return path.resolve(out);
    }
  }
}

function identity(file: string): { real: string; dev?: number; ino?: number } {
  const real = realTarget(file);
  try {
    const stat = fs.statSync(real);
    return { real, dev: stat.dev, ino: stat.ino };
  } catch {
    return { real };
  }
}

/** The one of `read` that `out` would overwrite, if any. */
export function clashingInput(out: string, read: readonly string[]): string | undefined {
  const target = identity(out);
  return read.find((file) => {
    const other = identity(file);
    if (other.real === target.real) return true;
    return target.ino !== undefined && other.ino === target.ino && other.dev === target.dev;
  });
}

/**
 * Writes `data` to `out` through a temporary file beside it, renamed over it (atomic on one file system). A
 * symlink at `out` keeps pointing where it did: its target is replaced.
 */
export function writeOut(out: string, data: string | Uint8Array): void {
  const target = realTarget(out);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  // O_EXCL: never write through a file (or symlink) someone placed at the temporary name.
  const fd = fs.openSync(temp, "wx", 0o666);
  try {
    try {
      fs.writeFileSync(fd, data);
    } finally {
      fs.closeSync(fd);
    }
    try {
      // Keep the permissions of a file being replaced.
      fs.chmodSync(temp, fs.statSync(target).mode & 0o7777);
    } catch {
      /* a new file: the umask's */
    }
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
