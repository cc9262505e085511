// expect: ok
export default async function named() {}
