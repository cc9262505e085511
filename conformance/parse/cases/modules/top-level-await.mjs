// expect: ok
await 1;
const x = await import("./m.js");
for await (const y of z) {}
