// A method call o.m() passes o as `this`: the callee is read with GetNamed, then called with the object as receiver.
const account = {
  balance: 10,
  deposit(n) { this.balance += n; return this.balance; },
};
console.log(account.deposit(5));
