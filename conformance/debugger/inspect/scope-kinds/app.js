const top = 'script-level';
let counter = 1;
function make(prefix) {
  let calls = 0;
  return function use(value) {
    calls++;
    {
      const inBlock = value * 2;
      let notYet = 1;
      debugger;
    }
    try {
      throw new Error('e');
    } catch (err) {
      debugger;
    }
  };
}
make('p')(4);
