// ?. short-circuits: if the base is null or undefined the whole chain is undefined, with one jump to the end.
const config = { server: { port: 8080 } };
console.log(config.server?.port, config.client?.port, config.client?.port.toFixed(2), config.f?.());
