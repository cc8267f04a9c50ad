/* @stdlib/utils-define-property as every browser Office runs add-ins in has it: the built-in (webpack.config.js). */
module.exports = Object.defineProperty;
