import { useState } from 'react';
import { adminApi, type DossierReview } from '../../shared/contract/admin-api';
import { call } from '../api';
import { useErrorText } from '../errors';
import { useT } from '../i18n';
import { useLoad } from '../useLoad';
import { dateTime } from './format';

/**
 * Dossiers rated more than once in their ward: none of their ratings counts until the district
 * decides which one does (a code can be claimed before its citizen comes).
 */
export function DossierReviews({ canDecide }: { canDecide: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const reviews = useLoad(() => call(adminApi.dossierReviews, { query: {} }), []);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const decide = async (review: DossierReview, countedRatingId: string | null) => {
    try {
      await call(adminApi.decideDossier, { body: { wardId: review.wardId, dossierCode: review.dossierCode, countedRatingId } });
      setMessage({ text: t('dossiers.decided', { code: review.dossierCode }), ok: true });
      reviews.reload();
    } catch (error) {
      setMessage({ text: errorText(error), ok: false });
    }
  };
  if (reviews.failure !== undefined) return <p role="alert">{errorText(reviews.failure)}</p>;
  return (
    <>
      <p>{t('dossiers.help')}</p>
      {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      {reviews.data?.length === 0 && <p>{t('dossiers.none')}</p>}
      {reviews.data?.map((review) => (
        <section
          key={`${review.wardId}|${review.dossierCode}`}
          className="dossier-review"
          aria-label={t('dossiers.dossier', { code: review.dossierCode })}
        >
          <h2>
            {t('dossiers.dossier', { code: review.dossierCode })} · {review.wardName}
          </h2>
          <p>
            {review.decision
              ? t('dossiers.decision', { by: review.decision.decidedBy, at: dateTime(review.decision.decidedAt) })
              : t('dossiers.waiting')}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dossiers.ratedAt')}</th>
                <th scope="col">{t('dossiers.counter')}</th>
                <th scope="col">{t('dossiers.overall')}</th>
                <th scope="col">{t('dossiers.counted')}</th>
                {canDecide && <th scope="col" />}
              </tr>
            </thead>
            <tbody>
              {review.ratings.map((rating) => (
                <tr key={rating.id}>
                  <td>{dateTime(rating.ratedAt)}</td>
                  <td>{rating.counterLabel}</td>
                  <td>{rating.overall}</td>
                  <td>{t(rating.counted ? 'dossiers.yes' : 'dossiers.no')}</td>
                  {canDecide && (
                    <td>
                      <button type="button" disabled={rating.counted} onClick={() => void decide(review, rating.id)}>
                        {t('dossiers.countThis')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {canDecide && (
            <button type="button" onClick={() => void decide(review, null)}>
              {t('dossiers.countNone')}
            </button>
          )}
        </section>
      ))}
    </>
  );
}
