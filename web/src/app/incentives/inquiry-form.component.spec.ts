import { inquiryProblems } from './inquiry-form.component';

describe('inquiry checks', () => {
  it('needs a reason and between 10 and 4,000 characters of text, not counting the spaces around it', () => {
    expect(inquiryProblems({ reason: '', text: '' })).toEqual({
      reason: 'Choose what the inquiry is about.',
      text: 'Say what looks wrong and why, in at least 10 characters.',
    });
    expect(inquiryProblems({ reason: 'OTHER', text: '   123456789   ' }).text).toBeDefined();
    expect(inquiryProblems({ reason: 'OTHER', text: '1234567890' })).toEqual({});
    expect(inquiryProblems({ reason: 'CALCULATION', text: 'y'.repeat(4000) })).toEqual({});
    expect(inquiryProblems({ reason: 'CALCULATION', text: 'y'.repeat(4003) })).toEqual({
      text: 'At most 4,000 characters: shorten it by 3.',
    });
  });
});
