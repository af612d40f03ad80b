/**
 * The offer to resume a run saved before a reload ("Resume run at iteration N" / "Discard"), or, when
 * another tab owns the saved run, a notice that this tab trains without saving, with a button to take the
 * saved run over. The line saying up to which iteration the live run is saved is in the header (SavedStatus).
 */
import { useSavedRun } from '../store/savedRunStore';
import { discardSavedRun, resumeSavedRun, takeOverSavedRun } from './io/savedRunOffer';

/** The resume offer, the other-tab notice, or nothing. */
export function ResumeOffer() {
  const offer = useSavedRun((s) => s.offer);
  const elsewhere = useSavedRun((s) => s.elsewhere);
  if (elsewhere) {
    return (
      <section className="resume-offer" data-testid="saved-elsewhere" aria-label="Saved run">
        <p>
          <strong>
            {elsewhere === 'open'
              ? 'The saved run is open in another tab of this page, which saves it.'
              : 'Another tab of this page took the saved run over.'}
          </strong>{' '}
          This tab trains without saving: a reload of this tab starts over.
        </p>
        <p className="resume-note">
          Taking it over stops the saving in the other tab and offers its last saved iteration here, to resume or discard.
        </p>
        <div className="resume-actions">
          <button type="button" data-testid="take-over-run" onClick={() => void takeOverSavedRun()}>Take over the saved run</button>
        </div>
      </section>
    );
  }
  if (offer) {
    return (
      <section className="resume-offer" data-testid="resume-offer" aria-label="Saved run">
        <p>
          <strong>A run saved in this browser stopped at iteration {offer.iteration}.</strong> {offer.description}
        </p>
        {offer.differs && (
          <p>
            This link asks for other settings ({offer.differs}): resuming replaces them with the saved run&apos;s; discarding keeps the
            link&apos;s and deletes the saved run.
          </p>
        )}
        <p className="resume-note">Until you choose, the new run is not saved, so the saved one stays.</p>
        <div className="resume-actions">
          <button type="button" data-testid="resume-run" onClick={resumeSavedRun}>Resume run at iteration {offer.iteration}</button>
          <button type="button" data-testid="discard-run" onClick={() => void discardSavedRun()}>Discard</button>
        </div>
      </section>
    );
  }
  return null;
}
