// process.exit(code) stops at once after the exit listeners, with that status.
process.on('exit', (code) => console.log(`exiting with ${code}`));
setTimeout(() => console.log('timer not reached'), 10);
console.log('before exit');
process.exit(7);
console.log('not reached');
