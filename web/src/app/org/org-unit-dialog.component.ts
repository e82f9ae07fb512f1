import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  ORG_UNIT_TYPES,
  type OrgUnit,
  type OrgUnitNode,
  type OrgUnitType,
  type UpdateOrgUnitRequest,
  type UserSummary,
} from '@lodestar/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { InlineErrorComponent } from '../shared/page-states.component';
import { ShownProblem, toShownProblem } from '../shared/problem';
import { UsersService } from '../users/users.service';
import { flattenUnits, ORG_UNIT_TYPE_LABELS, subtreeIds } from './org-tree';
import { OrgUnitsService } from './org-units.service';

export type OrgUnitDialogData =
  | { mode: 'create'; roots: OrgUnitNode[]; parentKey: string | null }
  | { mode: 'edit'; roots: OrgUnitNode[]; unit: OrgUnitNode };

export interface OrgUnitDialogResult {
  unit: OrgUnit;
}

const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

function isPerson(value: unknown): value is UserSummary {
  return typeof value === 'object' && value !== null && typeof (value as UserSummary).id === 'string';
}

/** The leader box holds either a chosen person or, while typing, text; text alone is not a choice. */
function chosenPerson(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  return typeof value === 'string' && value.trim() !== '' ? { notChosen: true } : null;
}

@Component({
  selector: 'ls-org-unit-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatAutocompleteModule,
    MatProgressBarModule,
    InlineErrorComponent,
  ],
  templateUrl: './org-unit-dialog.component.html',
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding-top: 4px;
    }
    .option-email {
      color: var(--ls-muted);
      font-size: 0.85em;
      margin-left: 6px;
    }
    .progress {
      margin-bottom: 8px;
    }
  `,
})
export class OrgUnitDialogComponent {
  protected readonly data = inject<OrgUnitDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef =
    inject<MatDialogRef<OrgUnitDialogComponent, OrgUnitDialogResult>>(MatDialogRef);
  private readonly units = inject(OrgUnitsService);
  private readonly users = inject(UsersService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly editing = this.data.mode === 'edit' ? this.data.unit : null;
  protected readonly types = ORG_UNIT_TYPES;
  protected readonly typeLabels = ORG_UNIT_TYPE_LABELS;
  protected readonly saving = signal(false);
  protected readonly problem = signal<ShownProblem | null>(null);

  /** Possible parents: every unit except the one edited and those below it (no cycles). */
  protected readonly parents = (() => {
    const excluded = this.editing ? subtreeIds(this.editing) : new Set<string>();
    return flattenUnits(this.data.roots)
      .filter((unit) => !excluded.has(unit.node.id))
      .map((unit) => ({
        key: unit.node.key,
        id: unit.node.id,
        label: `${'\u00a0\u00a0\u00a0'.repeat(unit.depth)}${unit.node.name}`,
      }));
  })();

  private readonly fb = inject(NonNullableFormBuilder);
  private keyTouchedByHand = this.data.mode === 'edit';

  protected readonly form = this.fb.group({
    key: [
      this.editing?.key ?? '',
      [Validators.required, Validators.maxLength(60), Validators.pattern(KEY_PATTERN)],
    ],
    name: [this.editing?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    type: [(this.editing?.type ?? 'TEAM') as OrgUnitType, Validators.required],
    parentKey: [this.initialParentKey()],
  });
  protected readonly leader = new FormControl<UserSummary | string | null>(
    this.editing?.leader ?? null,
    chosenPerson,
  );

  private readonly type = toSignal(this.form.controls.type.valueChanges, {
    initialValue: this.form.controls.type.value,
  });
  protected readonly needsParent = computed(() => this.type() !== 'COMPANY');

  protected readonly leaderOptions = toSignal(
    this.leader.valueChanges.pipe(
      startWith(''),
      map((value) => (typeof value === 'string' ? value.trim() : null)),
      debounceTime(200),
      distinctUntilChanged(),
      switchMap((term) =>
        term === null
          ? of<UserSummary[]>([])
          : this.users.find(term, 12).pipe(catchError(() => of<UserSummary[]>([]))),
      ),
    ),
    { initialValue: [] as UserSummary[] },
  );

  constructor() {
    if (this.editing) this.form.controls.key.disable();
    this.form.controls.name.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((name) => {
      if (!this.keyTouchedByHand) this.form.controls.key.setValue(slugify(name), { emitEvent: false });
    });
    this.form.controls.type.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.updateParentRule());
    this.updateParentRule();
  }

  protected keyEdited(): void {
    this.keyTouchedByHand = true;
  }

  protected showPerson(value: UserSummary | string | null): string {
    return isPerson(value) ? value.name : (value ?? '');
  }

  /** True while the leader box holds typed text rather than a chosen person. */
  protected typing(): boolean {
    const value = this.leader.value;
    return typeof value === 'string' && value.trim() !== '';
  }

  protected clearLeader(): void {
    this.leader.setValue(null);
  }

  protected save(): void {
    if (this.saving()) return;
    if (this.form.invalid || this.leader.invalid) {
      this.form.markAllAsTouched();
      this.leader.markAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const leaderValue = this.leader.value;
    const leaderId = isPerson(leaderValue) ? leaderValue.id : null;
    const parentKey = value.type === 'COMPANY' && !value.parentKey ? null : value.parentKey || null;
    const request$ = this.editing
      ? this.units.update(
          this.editing.key,
          this.changes(this.editing, value.name.trim(), value.type, parentKey, leaderId),
        )
      : this.units.create({
          key: value.key.trim(),
          name: value.name.trim(),
          type: value.type,
          parentKey,
          leaderId,
        });
    this.saving.set(true);
    this.problem.set(null);
    request$.subscribe({
      next: (unit) => this.dialogRef.close({ unit }),
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(toShownProblem(error));
      },
    });
  }

  private changes(
    unit: OrgUnitNode,
    name: string,
    type: OrgUnitType,
    parentKey: string | null,
    leaderId: string | null,
  ): UpdateOrgUnitRequest {
    const request: UpdateOrgUnitRequest = {};
    if (name !== unit.name) request.name = name;
    if (type !== unit.type) request.type = type;
    if (parentKey !== this.initialParentKey()) request.parentKey = parentKey;
    if (leaderId !== (unit.leader?.id ?? null)) request.leaderId = leaderId;
    return request;
  }

  private initialParentKey(): string {
    if (this.data.mode !== 'edit') return this.data.parentKey ?? '';
    const parentId = this.data.unit.parentId;
    return flattenUnits(this.data.roots).find((unit) => unit.node.id === parentId)?.node.key ?? '';
  }

  private updateParentRule(): void {
    const control = this.form.controls.parentKey;
    control.setValidators(this.form.controls.type.value === 'COMPANY' ? null : Validators.required);
    control.updateValueAndValidity({ emitEvent: false });
  }
}
