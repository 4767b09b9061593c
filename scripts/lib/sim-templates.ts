import { TEMPLATES } from '../../bff/src/push/templates.js';

/**
 * What the WeChat admin console knows about our subscribe templates, told to the simulator: each
 * template's keywords and types, and the pages a message may open.
 */
export function simTemplateRegistration() {
  const all = Object.values(TEMPLATES);
  return {
    templates: all.map((t) => ({ id: t.id, keywords: t.keywords })),
    pages: [...new Set(all.map((t) => t.page))],
  };
}
