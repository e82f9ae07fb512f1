import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { PlanVersion, Role } from '@lodestar/contracts';
import { ANNA, HANNA, VICTOR, version } from './plan.fixtures';
import {
  VersionActionsComponent,
  versionActions,
  type VersionActionRequest,
} from './version-actions.component';

const CLEAN = { dirty: false, submitBlocker: null };

function labels(shown: PlanVersion, roles: Role[], userId: string) {
  return versionActions(shown, roles, userId, CLEAN).actions.map((action) => action.label);
}

function render(shown: PlanVersion, roles: Role[], userId: string) {
  TestBed.configureTestingModule({
    imports: [VersionActionsComponent],
    providers: [provideNoopAnimations()],
  });
  const fixture = TestBed.createComponent(VersionActionsComponent);
  fixture.componentRef.setInput('version', shown);
  fixture.componentRef.setInput('roles', roles);
  fixture.componentRef.setInput('userId', userId);
  const emitted: VersionActionRequest[] = [];
  fixture.componentInstance.act.subscribe((request) => emitted.push(request));
  fixture.detectChanges();
  const element: HTMLElement = fixture.nativeElement;
  const buttons = () =>
    Array.from(element.querySelectorAll<HTMLButtonElement>('button')).map((button) =>
      button.textContent?.trim(),
    );
  const notes = () =>
    Array.from(element.querySelectorAll('[data-testid="action-note"]')).map((note) =>
      note.textContent?.trim(),
    );
  return { fixture, element, buttons, notes, emitted };
}

describe('version actions', () => {
  afterEach(() => {
    document.body.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.replaceChildren());
  });

  it('offers HR Submit and Delete on a draft, and an approver nothing', () => {
    expect(labels(version(), ['HR'], HANNA.id)).toEqual(['Submit for approval', 'Delete draft']);
    expect(labels(version(), ['APPROVER'], ANNA.id)).toEqual([]);
  });

  it('offers an approver Approve and Reject on a version in review, and HR nothing', () => {
    const inReview = version({ status: 'IN_REVIEW' });
    expect(labels(inReview, ['APPROVER'], ANNA.id)).toEqual(['Approve', 'Reject']);
    expect(labels(inReview, ['HR'], HANNA.id)).toEqual([]);
  });

  it('offers nobody Approve on their own version, and tells them why', () => {
    const own = version({ status: 'IN_REVIEW', author: ANNA });
    const view = versionActions(own, ['HR', 'APPROVER'], ANNA.id, CLEAN);
    expect(view.actions).toEqual([]);
    expect(view.notes).toEqual([
      'You wrote this version, so another approver decides it: nobody approves a plan they wrote.',
    ]);
  });

  it('offers an approver who takes part in the version no Approve, and says it is their own pay', () => {
    const { buttons, notes } = render(version({ status: 'IN_REVIEW' }), ['APPROVER', 'EXECUTIVE'], VICTOR.id);
    expect(buttons()).toEqual([]);
    expect(notes()).toEqual([
      'You take part in this version, so another approver decides it: nobody approves their own pay.',
    ]);
  });

  it('offers HR Publish on an approved version and nothing on a published one', () => {
    expect(labels(version({ status: 'APPROVED' }), ['HR'], HANNA.id)).toEqual(['Publish']);
    expect(labels(version({ status: 'APPROVED' }), ['APPROVER'], ANNA.id)).toEqual([]);
    expect(labels(version({ status: 'PUBLISHED' }), ['HR', 'APPROVER'], ANNA.id)).toEqual([]);
  });

  it('holds Submit back while there are unsaved changes, with the reason', () => {
    const view = versionActions(version(), ['HR'], HANNA.id, { dirty: true, submitBlocker: null });
    expect(view.actions[0]).toMatchObject({
      action: 'submit',
      blocked: 'Save your changes first: submitting sends the saved version.',
    });
  });

  it('asks before submitting and emits the step once confirmed', async () => {
    const { element, fixture, emitted } = render(version(), ['HR'], HANNA.id);
    element.querySelector<HTMLButtonElement>('button[data-action="submit"]')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    const dialog = document.querySelector('mat-dialog-container');
    expect(dialog?.textContent).toContain('Submit version 3 of Sales incentive for approval?');
    Array.from(dialog?.querySelectorAll<HTMLButtonElement>('button') ?? [])
      .find((button) => button.textContent?.trim() === 'Submit')
      ?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(emitted).toEqual([{ action: 'submit' }]);
  });

  it('asks an approver for the reason of a rejection', async () => {
    const { element, fixture, emitted } = render(version({ status: 'IN_REVIEW' }), ['APPROVER'], ANNA.id);
    element.querySelector<HTMLButtonElement>('button[data-action="reject"]')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    const dialog = document.querySelector('mat-dialog-container');
    const reject = () =>
      Array.from(dialog?.querySelectorAll<HTMLButtonElement>('button') ?? [])
        .find((button) => button.textContent?.trim() === 'Reject')
        ?.click();
    reject();
    await fixture.whenStable();
    expect(emitted).toEqual([]);
    const reason = dialog?.querySelector<HTMLTextAreaElement>('[data-testid="reject-reason"]');
    if (!reason) throw new Error('no reason field');
    reason.value = 'Lower the quota weight to 50 % for a year of recovery.';
    reason.dispatchEvent(new Event('input'));
    reject();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(emitted).toEqual([
      { action: 'reject', reason: 'Lower the quota weight to 50 % for a year of recovery.' },
    ]);
  });
});
