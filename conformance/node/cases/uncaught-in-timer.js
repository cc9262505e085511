// An exception thrown in a timer callback is uncaught: the error, exit status 1, and later timers never run.
console.log('before');
setTimeout(() => { throw new TypeError('boom in timer'); }, 1);
setTimeout(() => console.log('not reached'), 50);
