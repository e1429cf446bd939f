import type { PageContext } from '../../shell/contract';
import { h, uniqueId } from '../../ui/dom';
import { actionForm, field, input, textarea } from '../../ui/form';
import { section } from '../../ui/section';
import { table } from '../../ui/table';
import { DEPARTMENTS } from './departments';
import {
  durationParts,
  type EscalationSettings,
  escalationSettingsBody,
  policyRows,
  type SlaDuration,
} from './escalation-model';
import { waitName } from './wait-name';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function durationText(ctx: Pick<PageContext, 't'>, duration: SlaDuration): string {
  const parts = durationParts(duration);
  return parts.length === 0
    ? ctx.t('esc.atAnchor')
    : parts.map((part) => ctx.t(`esc.unit.${part.unit}`, { count: part.count })).join(' + ');
}

function policyTable(ctx: PageContext, settings: EscalationSettings): HTMLElement {
  const { t } = ctx;
  return table(
    t('esc.policy'),
    [
      { header: t('esc.col.key'), rowHeader: true, cell: (r) => waitName(ctx, r.key) },
      { header: t('esc.col.anchor'), cell: (r) => t(`esc.anchor.${r.anchor}`) },
      {
        header: t('esc.col.steps'),
        cell: (r) =>
          h(
            'ol',
            null,
            r.steps.map((step, index) =>
              h('li', null, t('esc.step', { level: index + 1, duration: durationText(ctx, step) })),
            ),
          ),
      },
      { header: t('esc.col.fallback'), cell: (r) => (r.fallback ? durationText(ctx, r.fallback) : '—') },
    ],
    policyRows(settings.policy),
    { empty: '' },
  );
}

function calendarForm(
  ctx: PageContext,
  settings: EscalationSettings,
  saved: () => Promise<void>,
): HTMLFormElement {
  const { t } = ctx;
  const { calendar } = settings;
  const dayBoxes = DAYS.map((day) => {
    const id = uniqueId('day');
    const box = h('input', {
      type: 'checkbox',
      id,
      name: `day-${day}`,
      value: String(day),
      checked: calendar.workingDays.includes(day),
    });
    return { day, box, element: h('label', { for: id, class: 'check' }, box, ` ${t(`esc.day.${day}`)}`) };
  });
  return actionForm(ctx, {
    label: t('esc.calendar'),
    fields: [
      field(t('esc.timeZone'), input('timeZone', { required: true, value: calendar.timeZone })),
      h(
        'fieldset',
        { class: 'days' },
        h('legend', null, t('esc.workingDays')),
        dayBoxes.map((d) => d.element),
      ),
      field(
        t('esc.hoursStart'),
        input('start', { type: 'time', required: true, value: calendar.workingHours.start }),
      ),
      field(
        t('esc.hoursEnd'),
        input('end', { type: 'time', required: true, value: calendar.workingHours.end }),
      ),
      field(
        t('esc.holidays'),
        textarea('holidays', calendar.holidays.join('\n'), { rows: 4 }),
        t('esc.holidaysHint'),
      ),
      DEPARTMENTS.map((department) =>
        field(
          t('esc.manager', { department: t(`subs.department.${department}`) }),
          input(`manager-${department}`, { type: 'email', value: settings.managers[department] ?? '' }),
        ),
      ),
    ],
    submit: t('esc.saveSettings', { version: settings.version }),
    onSubmit: async (values) => {
      const workingDays = dayBoxes.filter((d) => d.box.checked).map((d) => d.day);
      const stored = await ctx.api.put<EscalationSettings>(
        '/settings/escalations',
        escalationSettingsBody(settings, values, workingDays, DEPARTMENTS),
      );
      ctx.notify('info', t('esc.saved', { version: stored.version }));
      await saved();
    },
  });
}

/** The SLAs in force and, for admin, the business calendar and managers (saved at the version read). */
export async function settingsSection(ctx: PageContext, reload: () => Promise<void>): Promise<HTMLElement> {
  const { t } = ctx;
  if (ctx.role !== 'admin')
    return section(t('esc.settings'), h('p', { class: 'hint' }, t('esc.settingsAdminOnly')));
  const settings = await ctx.api.get<EscalationSettings>('/settings/escalations');
  return section(t('esc.settings'), policyTable(ctx, settings), calendarForm(ctx, settings, reload));
}
