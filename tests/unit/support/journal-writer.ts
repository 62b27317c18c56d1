// A child process for the journal's crash test: appends ratings as fast as it can and prints the
// id of each one whose append resolved ("confirmed"), until it is killed.
import { Journal } from '../../../electron/journal';
import { sampleRating } from '../../support/fixtures';
import { v7 } from 'uuid';

const journal = await Journal.open(process.argv[2]!);
for (let n = 1; ; n++) {
  const rating = sampleRating(n, new Date(), { id: v7(), seq: n, comment: 'Thủ tục nhanh, cán bộ nhiệt tình. '.repeat(n % 7) });
  await journal.append(rating);
  process.stdout.write(`${rating.id}\n`);
}
