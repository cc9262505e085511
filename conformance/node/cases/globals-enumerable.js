// The enumerable globals, in Node's order (fetch left out: Glass has no fetch yet), and a few descriptors'
// flags (not value vs accessor: Glass loads some globals on first use through an accessor)
console.log(Object.keys(globalThis).filter((k) => k !== 'fetch'));
for (const name of ['global', 'setTimeout', 'queueMicrotask', 'structuredClone', 'crypto', 'console', 'URL', 'process']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  console.log(name, d.enumerable, d.configurable);
}
console.log(typeof setTimeout(() => {}, 0), global === globalThis);
