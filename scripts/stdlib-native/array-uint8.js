/* @stdlib/array-uint8 as every browser Office runs add-ins in has it: the built-in Uint8Array (webpack.config.js). */
module.exports = Uint8Array;
