console.log('one');
console.log('two');
process.exitCode = 3;
