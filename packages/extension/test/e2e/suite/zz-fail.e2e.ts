import * as assert from 'node:assert/strict';
describe('deliberate', () => { it('fails', () => assert.equal(1, 2)); });
