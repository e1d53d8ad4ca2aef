import { expect } from 'vitest';
import { SlaclockError } from '../../src/index.js';

/** Runs `action` and returns the SlaclockError it throws (failing if it throws anything else or nothing). */
export function errorOf(action: () => unknown): SlaclockError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(SlaclockError);
    return error as SlaclockError;
  }
  throw new Error('expected a SlaclockError, but nothing was thrown');
}
