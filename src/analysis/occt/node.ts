/**
 * Node host adapter. The engine's glue finds its .wasm beside itself under Node, so nothing needs
 * configuring; this module exists so that every host has one obvious place for that decision.
 */
export { getEngine as startNodeEngine } from './engine.ts';
