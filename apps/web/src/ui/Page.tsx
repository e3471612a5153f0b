import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

let firstPage = true;

/**
 * One page: sets the document title and renders the single h1. After an in-app navigation the
 * heading takes focus, so screen-reader and keyboard users start at the new page's top.
 */
export function Page({ title, children, lead }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, []);

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead}
      {children}
    </>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="muted">
      {t('app.loading')}
    </p>
  );
}

/** A polite live region that is always in the page, so that changes to it are announced. */
export function Status({ children }: { children?: ReactNode }) {
  return (
    <p role="status" className="status">
      {children}
    </p>
  );
}
