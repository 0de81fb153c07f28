/**
 * Baseline for the bundle-size benchmark: React + FluentProvider + one Button,
 * built with the same webpack config (`webpack --mode production --env hello`).
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';

const el = document.getElementById('root');
if (el) {
  createRoot(el).render(
    <FluentProvider theme={webLightTheme}>
      <Button appearance="primary">Hej</Button>
    </FluentProvider>,
  );
}
