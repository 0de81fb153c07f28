import * as React from 'react';
import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import type { PaneActions } from '../paneActions';
import type { PaneState } from '../paneReducer';
import { parseDomainList } from '../settings';
import { usePaneStyles } from './paneStyles';

/** "Indstillinger": citation style, register, and where items go out by mail, the internal mail domains. */
export function SettingsSection({ state, actions }: { state: PaneState; actions: PaneActions }): JSX.Element {
  const styles = usePaneStyles();
  const { settings } = state;
  /** The "Interne maildomæner" field as typed; parsed and stored when the field is left or Enter is pressed. */
  const [domainsDraft, setDomainsDraft] = React.useState<string | null>(null);
  const domainsText = domainsDraft ?? settings.internalDomains.join(', ');
  const domainsInvalid = domainsDraft !== null ? parseDomainList(domainsDraft).invalid : [];
  const commitDomains = () => {
    if (domainsDraft === null) return;
    const { domains, invalid } = parseDomainList(domainsDraft);
    if (!invalid.length) setDomainsDraft(null);
    if (domains.join(',') !== settings.internalDomains.join(',')) actions.setInternalDomains(domains);
  };

  return (
    <section className={styles.section} aria-labelledby="jpe-h-settings">
      <h2 id="jpe-h-settings" className={styles.h2}>
        Indstillinger
      </h2>
      <Field label="Kildehenvisning">
        <RadioGroup
          value={settings.citationStyle}
          onChange={(_e, d) => actions.setCitationStyle(d.value === 'full' ? 'full' : 'short')}
          layout="horizontal"
        >
          <Radio value="short" label="Kort (STAR, 2026)" />
          <Radio value="full" label="Fuld titel" />
        </RadioGroup>
      </Field>
      <Field
        label="Forslagenes sprog"
        hint={
          state.registerAuto
            ? 'Valgt automatisk: mailen har modtagere uden for de interne maildomæner. Vælg selv for at ændre det for denne mail.'
            : undefined
        }
      >
        <RadioGroup
          value={state.register}
          onChange={(_e, d) => actions.setRegister(d.value === 'borger' ? 'borger' : 'fagperson')}
          layout="horizontal"
        >
          <Radio value="fagperson" label="Til fagpersoner" />
          <Radio value="borger" label="Til borgeren" />
        </RadioGroup>
      </Field>
      {state.caps.sendsByMail && (
        <Field
          label="Interne maildomæner"
          validationState={domainsInvalid.length ? 'warning' : 'none'}
          validationMessage={domainsInvalid.length ? `Ikke et domæne: ${domainsInvalid.join(', ')}` : undefined}
          hint="Adskil med komma, fx aarhus.dk, jobcenter.dk. Har mailen en modtager uden for disse domæner, vises forslagene til borgeren, medmindre du selv vælger andet."
        >
          <Input
            value={domainsText}
            placeholder="aarhus.dk, jobcenter.dk"
            onChange={(_e, d) => setDomainsDraft(d.value)}
            onBlur={commitDomains}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitDomains();
            }}
            data-testid="jpe-internal-domains"
          />
        </Field>
      )}
    </section>
  );
}
