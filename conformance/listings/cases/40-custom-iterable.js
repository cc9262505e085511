// Any object with a [Symbol.iterator] method works with for-of and spread: the protocol calls next() until done.
const range = {
  from: 1, to: 3,
  [Symbol.iterator]() {
    let cur = this.from, last = this.to;
    return { next: () => (cur <= last ? { value: cur++, done: false } : { value: undefined, done: true }) };
  },
};
console.log([...range].join(','));
