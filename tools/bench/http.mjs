#!/usr/bin/env node
// HTTP benchmark (issue 14): requests per second of a hello-world server
// (tools/bench/http/hello-server.js) under glass and under node, with the
// same load client — this script, in node: C keep-alive connections each
// sending its next GET as soon as the last response ended, for S seconds
// after a short warm-up. Prints each figure and glass's ratio to node's
// (target: within 1.5x, never below 2x slower).
//
//   node tools/bench/http.mjs [--glass PATH] [--seconds S] [--connections C]
import http from 'node:http';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const SERVER = path.join(HERE, 'http/hello-server.js');

function parseArgs(argv) {
  const o = { glass: path.join(REPO, 'build/release/glass'), seconds: 5, connections: 16 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--glass') o.glass = path.resolve(argv[++i]);
    else if (a === '--seconds') o.seconds = Number(argv[++i]);
    else if (a === '--connections') o.connections = Number(argv[++i]);
    else {
      console.error(`http.mjs: unknown argument ${a}\nusage: node tools/bench/http.mjs [--glass PATH] [--seconds S] [--connections C]`);
      process.exit(2);
    }
  }
  return o;
}

// Starts the server under `program`; resolves with { child, port }.
function startServer(program) {
  return new Promise((resolve, reject) => {
    const child = spawn(program, [SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${program} exited (${code}) before listening`)));
  });
}

// Runs the load for `ms`; resolves with the number of complete responses.
function load(port, connections, ms) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  let done = 0;
  let errors = 0;
  let stop = false;
  return new Promise((resolve) => {
    let running = connections;
    const one = () => {
      if (stop) {
        if (--running === 0) { agent.destroy(); resolve({ done, errors }); }
        return;
      }
      http.get({ port, host: '127.0.0.1', path: '/', agent }, (res) => {
        res.resume();
        res.on('end', () => { done++; one(); });
      }).on('error', () => { errors++; one(); });
    };
    for (let i = 0; i < connections; i++) one();
    setTimeout(() => { stop = true; }, ms);
  });
}

async function measure(name, program, o) {
  const { child, port } = await startServer(program);
  try {
    await load(port, o.connections, 500);  // warm-up
    const { done, errors } = await load(port, o.connections, o.seconds * 1000);
    const rps = done / o.seconds;
    console.log(`${name.padEnd(6)} ${rps.toFixed(0).padStart(8)} req/s  (${done} responses, ${errors} errors)`);
    return rps;
  } finally {
    child.kill();
  }
}

const o = parseArgs(process.argv.slice(2));
console.log(`hello-world server, ${o.connections} keep-alive connections, ${o.seconds} s, load client in node`);
const node = await measure('node', process.execPath, o);
const glass = await measure('glass', o.glass, o);
console.log(`glass/node throughput ratio ${(glass / node).toFixed(2)} (node is ${(node / glass).toFixed(2)}x glass; target <= 1.5x)`);
