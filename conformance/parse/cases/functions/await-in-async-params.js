// expect: SyntaxError at 2:22
async function f(a = await 1) {}
