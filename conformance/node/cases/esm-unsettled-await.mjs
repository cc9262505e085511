// The loop runs dry while the module still awaits: exit status 13, like Node.
console.log('waiting forever');
await new Promise(() => {});
console.log('never');
