// Built-in modules from an ES module: fs (default and named), fs/promises.
import fs, { existsSync } from 'node:fs';
import { readFile, writeFile, rm } from 'fs/promises';
import * as path from 'path';

const file = path.join(process.env.TMPDIR || '/tmp', `glass-esm-fs-${process.pid}.txt`);
await writeFile(file, 'written from an ES module\n');
console.log(existsSync(file), fs.existsSync === existsSync);
console.log(await readFile(file, 'utf8'));
console.log(fs.readFileSync(file, 'utf8').length);
await rm(file);
console.log(existsSync(file));
