/** The navigation setting as the settings form shows it: "Label | /path", one per line. */
export const navigationText = (links: { label: string; href: string }[]) =>
  links.map((l) => `${l.label} | ${l.href}`).join('\n')
