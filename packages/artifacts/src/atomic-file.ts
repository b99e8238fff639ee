// Writes a file so that readers see either the old content or the whole new one: write a
// temporary sibling, then rename it over the target (atomic within one file system). Every run
// file and model file goes through it, so a dashboard or a server watching the path never reads
// half a file.
import { rename, writeFile } from "node:fs/promises";

export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}
