setInterval(() => {}, 1000);
console.log('running forever');
