import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';

/** A search field that asks the API once typing pauses (or at once on Enter). */
export function SearchBox(props: { label: string; placeholder: string; value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(props.value);
  // Back/forward or a tab change sets the query from outside.
  useEffect(() => setText(props.value), [props.value]);
  const searchSoon = useDebouncedCallback(props.onSearch, 350);

  return (
    <TextInput
      aria-label={props.label}
      placeholder={props.placeholder}
      type="search"
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        searchSoon(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') props.onSearch(text);
      }}
      rightSection={text ? <CloseButton aria-label="Clear search" size="sm" onClick={() => { setText(''); props.onSearch(''); }} /> : null}
      w={{ base: '100%', sm: 280 }}
    />
  );
}
