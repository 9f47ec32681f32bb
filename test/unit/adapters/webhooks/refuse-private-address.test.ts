import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPrivateAddress } from '../../../../adapters/webhooks/refuse-private-address.js';

describe('private addresses (SSRF guard)', () => {
  it('refuses loopback, private, link-local (cloud metadata), mapped and unspecified addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '100.64.0.1',
    ])
      assert.equal(isPrivateAddress(a), true, `${a} is refused`);
  });

  it('refuses an IPv6 address that carries a private IPv4 address to a NAT64, 6to4 or compatible host', () => {
    for (const a of [
      '64:ff9b::7f00:1',
      '64:ff9b::127.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '2002:7f00:1::1',
      '2002:a00:1::',
      '::7f00:1',
      '::127.0.0.1',
      '::a9fe:a9fe',
      '64:ff9b:1::1',
      'fec0::1',
    ])
      assert.equal(isPrivateAddress(a), true, `${a} is refused`);
  });

  it('allows public addresses', () => {
    for (const a of [
      '93.184.216.34',
      '145.21.1.1',
      '2a00:1450:4001:81c::200e',
      '64:ff9b::5db8:d822',
      '2002:5db8:d822::1',
      '2001:db8::7f00:1',
    ])
      assert.equal(isPrivateAddress(a), false, `${a} is allowed`);
  });
});
