import type { Page } from '@playwright/test';

/**
 * What a person sees, checked in the page: no two visible text or control boxes overlap, no text is
 * clipped or runs out of its box, every control can be touched at its centre (nothing covers it),
 * and targets and text are as large as the screen's audience needs. axe cannot see any of this.
 */
export interface LayoutRules {
  /** Faces, answer choices and navigation buttons of citizen screens: the smaller side, in px. */
  minTarget?: number;
  /** On-screen keyboard keys (`.key`): width and height, in px. */
  minKey?: { width: number; height: number };
  /** Every other control (technician screens, the language toggle): height, in px. */
  minControlHeight?: number;
  /** Text size in px; `.fine-print` (the anonymity note, counters) may go down to `minFinePrint`. */
  minText?: number;
  minFinePrint?: number;
}

export interface LayoutProblem {
  kind: 'overlap' | 'clipped' | 'outside' | 'covered' | 'small-target' | 'small-key' | 'small-control' | 'small-text';
  what: string;
}

/** Runs in the page: must not close over anything. */
function inspect(rules: LayoutRules): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const describe = (el: Element) => {
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `${el.tagName.toLowerCase()}${cls} "${text}"`;
  };
  /**
   * Whether `rect` is fully in view of every scrolling box around `el`: what a technician scrolls to
   * (the panel scrolls) is looked at once it is in view, not while scrolled away.
   */
  const inScrollView = (el: Element, rect: DOMRect) => {
    for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
      // A fixed overlay (the touch test) is out of every scrolling box around it.
      if (getComputedStyle(node).position === 'fixed') return true;
      const box = node.parentElement;
      if (!box || box === document.body) break;
      const style = getComputedStyle(box);
      if (!/(auto|scroll)/.test(style.overflowX + style.overflowY)) continue;
      const r = box.getBoundingClientRect();
      if (rect.top < r.top - 1 || rect.bottom > r.bottom + 1 || rect.left < r.left - 1 || rect.right > r.right + 1) return false;
    }
    return true;
  };
  const visible = (el: Element) => {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && inScrollView(el, r);
  };
  // A modal (technician mode, the walk-away countdown) hides what is under it: only it is looked at.
  const modals = [...document.querySelectorAll('[aria-modal="true"], [role="alertdialog"], .touch-test')].filter(visible);
  const scope: Element = modals.at(-1) ?? document.body;

  const controlSelector = 'button, input, textarea, select, a[href], [role="radio"], [role="checkbox"]';
  const controls = [...scope.querySelectorAll(controlSelector)].filter(visible);
  const controlOf = (el: Element) => el.closest(controlSelector);

  // Text as laid out: one box per line of each text node (a block's own box may be wider than its words).
  interface TextBox {
    el: Element;
    rect: DOMRect;
  }
  const texts: TextBox[] = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim()) continue;
    const el = node.parentElement!;
    if (!visible(el) || el.closest('svg, [aria-hidden="true"] svg, option')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects())
      if (rect.width > 0.5 && rect.height > 0.5 && inScrollView(el, rect)) texts.push({ el, rect });
  }

  const overlap = (a: DOMRect, b: DOMRect) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1.5;
  const related = (a: Element, b: Element) => a === b || a.contains(b) || b.contains(a);

  // Overlaps: text with text, text with a control it is not part of, control with control.
  const reported = new Set<string>();
  const report = (kind: LayoutProblem['kind'], what: string) => {
    if (reported.has(kind + what)) return;
    reported.add(kind + what);
    problems.push({ kind, what });
  };
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i]!;
      const b = texts[j]!;
      if (a.el === b.el || !overlap(a.rect, b.rect)) continue;
      report('overlap', `${describe(a.el)} × ${describe(b.el)}`);
    }
    const text = texts[i]!;
    for (const control of controls) {
      if (related(control, text.el) || controlOf(text.el) === control) continue;
      if (overlap(control.getBoundingClientRect(), text.rect)) report('overlap', `${describe(text.el)} × ${describe(control)}`);
    }
  }
  for (let i = 0; i < controls.length; i++) {
    for (let j = i + 1; j < controls.length; j++) {
      const a = controls[i]!;
      const b = controls[j]!;
      if (related(a, b)) continue;
      if (overlap(a.getBoundingClientRect(), b.getBoundingClientRect())) report('overlap', `${describe(a)} × ${describe(b)}`);
    }
  }

  // Clipping: text must lie inside its control, inside any box that hides overflow, and on the screen.
  for (const { el, rect } of texts) {
    const within = (box: DOMRect) =>
      rect.left >= box.left - 1 && rect.right <= box.right + 1 && rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1;
    if (!within(new DOMRect(0, 0, innerWidth, innerHeight))) report('outside', describe(el));
    const control = controlOf(el);
    if (control && !within(control.getBoundingClientRect())) report('clipped', `${describe(el)} out of ${describe(control)}`);
    for (let box = el as Element | null; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      if (box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1) {
        // A scrolling list (technician tables) is allowed to scroll; a hidden overflow clips.
        if (style.overflowY === 'hidden' || style.overflowX === 'hidden' || style.overflowY === 'clip') report('clipped', describe(el));
      }
      if (!within(box.getBoundingClientRect()) && (style.overflowY === 'hidden' || style.overflowX === 'hidden')) {
        report('clipped', `${describe(el)} out of ${describe(box)}`);
      }
      break;
    }
  }
  for (const control of controls) {
    // A typed line may scroll inside its input; a comment box must never hide text sideways.
    if (control instanceof HTMLTextAreaElement && control.scrollWidth > control.clientWidth + 1) report('clipped', describe(control));
  }

  // Nothing covers a control at its centre.
  for (const control of controls) {
    const r = control.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) {
      report('outside', describe(control));
      continue;
    }
    const hit = document.elementFromPoint(x, y);
    if (!hit || !(hit === control || control.contains(hit) || hit.closest('label')?.contains(control)))
      report('covered', `${describe(control)} under ${hit ? describe(hit) : 'nothing'}`);
  }

  // Sizes.
  for (const control of controls) {
    const r = control.getBoundingClientRect();
    if (control.classList.contains('key')) {
      if (rules.minKey && (r.width < rules.minKey.width - 0.5 || r.height < rules.minKey.height - 0.5))
        report('small-key', `${describe(control)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    } else if (rules.minTarget && !control.closest('.languages')) {
      if (Math.min(r.width, r.height) < rules.minTarget - 0.5)
        report('small-target', `${describe(control)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    } else if (rules.minControlHeight && r.height < rules.minControlHeight - 0.5) {
      report('small-control', `${describe(control)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
  }
  for (const { el } of texts) {
    const size = parseFloat(getComputedStyle(el).fontSize);
    const min = el.closest('.fine-print') ? rules.minFinePrint : rules.minText;
    if (min && size < min - 0.25) report('small-text', `${describe(el)} ${size}px`);
  }
  return problems;
}

export function layoutProblems(page: Page, rules: LayoutRules): Promise<LayoutProblem[]> {
  return page.evaluate(inspect, rules);
}

/** The kiosk's rules for a screen of the given audience at the given viewport (issue #19). */
export function kioskRules(audience: 'citizen' | 'technician', viewport: { width: number; height: number }): LayoutRules {
  const portrait = viewport.height > viewport.width;
  return audience === 'citizen'
    ? {
        minTarget: 120,
        minKey: portrait ? { width: 90, height: 90 } : { width: 80, height: 80 },
        minControlHeight: 80,
        minText: 24,
        minFinePrint: 20,
      }
    : { minControlHeight: 80, minKey: portrait ? { width: 90, height: 90 } : { width: 80, height: 80 }, minText: 18 };
}
