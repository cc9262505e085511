// The real-world code the benchmarks parse: npm packages installed into a
// folder outside the repository (default /tmp/glass-bench-pkgs, or
// $GLASS_BENCH_PKGS), reused when already there. Versions are pinned so that
// numbers from different days measure the same input.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const PACKAGES = ['typescript@5.6.3', 'three@0.170.0', 'react@18.3.1', 'react-dom@18.3.1', 'lodash@4.17.21'];

// name, file inside node_modules, and how to parse it
export const FILES = [
  { name: 'typescript', file: 'typescript/lib/typescript.js', module: false },
  { name: 'three', file: 'three/build/three.module.js', module: true },
  // React 18 still ships the one-file development build (React 19 split it).
  { name: 'react-dom', file: 'react-dom/cjs/react-dom.development.js', module: false },
  { name: 'lodash', file: 'lodash/lodash.js', module: false },
];

export function packagesDir() {
  return path.resolve(process.env.GLASS_BENCH_PKGS ?? '/tmp/glass-bench-pkgs');
}

// Installs the packages unless every file is already present. Returns the
// node_modules folder.
export function ensurePackages() {
  const dir = packagesDir();
  const modules = path.join(dir, 'node_modules');
  if (FILES.every((f) => fs.existsSync(path.join(modules, f.file)))) return modules;
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "glass-bench-pkgs", "private": true }\n');
  }
  console.error(`installing ${PACKAGES.join(' ')} into ${dir} ...`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...PACKAGES], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (const f of FILES) {
    if (!fs.existsSync(path.join(modules, f.file))) throw new Error(`npm install did not provide ${f.file}`);
  }
  return modules;
}

// `--glass PATH`, defaulting to the release build.
export function glassPath(argv) {
  const i = argv.indexOf('--glass');
  const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  return path.resolve(i >= 0 ? argv[i + 1] : path.join(repo, 'build/release/glass'));
}
