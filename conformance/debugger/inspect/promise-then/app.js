Promise.resolve(41)
  .then((v) => {
    return v + 1;
  })
  .then((v) => console.log('value', v));
console.log('sync done');
