// The door's words for a contact the server refused: a refusal for want of consent is told in the
// reader's language; any other keeps the server's own message.
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n';
import { contactRefusalText } from './cafeWords';

const noConsent = {
  code: 'no-consent',
  message: 'The visit BT… was checked in without consent to follow-up; no contact is kept.',
};

describe('contactRefusalText', () => {
  it('tells a refusal for want of consent in Dutch, French and English', () => {
    expect(contactRefusalText(translator('nl').t, noConsent)).toBe(
      'Bij het aanmelden wou de bezoeker niet dat we later contact opnemen; het contact werd niet bewaard.',
    );
    expect(contactRefusalText(translator('fr').t, noConsent)).toMatch(
      /pas souhaité être recontacté/,
    );
    expect(contactRefusalText(translator('en').t, noConsent)).toMatch(
      /did not want to be contacted/,
    );
  });

  it("keeps the server's message for any other refusal", () => {
    const other = { code: 'bad-request', message: '"bel me" is not a phone number.' };
    expect(contactRefusalText(translator('nl').t, other)).toBe(other.message);
  });
});
