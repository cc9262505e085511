// BigInt arithmetic goes through the same Add/Mul instructions; the operands' types pick the BigInt path.
const big = 2n ** 64n;
console.log(String(big + 1n), typeof big);
