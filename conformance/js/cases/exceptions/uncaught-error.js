// An uncaught Error ends the script: exit code 1, "Error: boom" first on stderr,
// and the output printed before it is still there.
console.log('before the throw');
function fail() { throw new Error('boom'); }
fail();
console.log('never printed');
