import type { PageContext } from '../../shell/contract';

/** A wait's name in the language: the shell's `wait.*` messages, and the inquiry's first reply. */
export const waitName = (ctx: Pick<PageContext, 't'>, key: string) =>
  key === 'inquiry-first-reply' ? ctx.t('esc.firstReply') : ctx.t(`wait.${key}`);
