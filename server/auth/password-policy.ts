import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { HttpError } from '../http/errors';

// Passwords of the dashboard's accounts: at least 10 characters and not common or easy to guess.
// zxcvbn-ts checks against its lists of common passwords, keyboard walks, dates and repeats, and
// against words of the account itself (its user name, the product's name, the district's).

const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

export const MIN_PASSWORD_LENGTH = 10;
/** zxcvbn's score 3: "safely unguessable: moderate protection from an offline attack". */
const MIN_SCORE = 3;

export type PasswordVerdict = 'ok' | 'too_short' | 'common' | 'guessable';

export function judgePassword(password: string, ownWords: readonly string[] = []): PasswordVerdict {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  const result = zxcvbn.check(password, ['hailong', 'hài lòng', 'hai long', 'admin', 'matkhau', 'mật khẩu', ...ownWords]);
  if (result.score >= MIN_SCORE) return 'ok';
  return result.feedback.warning === 'common' || result.feedback.warning === 'topHundred' || result.feedback.warning === 'topTen'
    ? 'common'
    : 'guessable';
}

/** Refuses a weak password with 400 `weak_password` (the message says why, in both languages). */
export function requireStrongPassword(password: string, ownWords: readonly string[] = []) {
  const verdict = judgePassword(password, ownWords);
  if (verdict === 'too_short')
    throw new HttpError(
      400,
      'weak_password',
      `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự. / A password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
    );
  if (verdict !== 'ok')
    throw new HttpError(
      400,
      'weak_password',
      'Mật khẩu quá phổ biến hoặc dễ đoán: hãy dùng một cụm từ dài hơn. / The password is common or easy to guess: use a longer phrase.',
    );
}
