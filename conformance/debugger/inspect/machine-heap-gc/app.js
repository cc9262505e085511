function build() {
  const tree = { left: { leaf: [1, 2] }, right: 'r' };
  debugger;
  return tree;
}
globalThis.kept = build();
const garbage = [];
for (let i = 0; i < 100000; i++) garbage.push({ i });
garbage.length = 0;
for (let i = 0; i < 200000; i++) ({ i });
console.log('done');
