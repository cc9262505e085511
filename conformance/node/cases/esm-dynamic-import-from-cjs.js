// A CommonJS module can import() an ES module.
console.log('commonjs main');
import('./fixtures/esm/counter.mjs').then((m) => {
  m.increment();
  console.log('imported', m.count, typeof m.default);
});
