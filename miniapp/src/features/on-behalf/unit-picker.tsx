import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '../../ui';
import { bff } from '../../session';
import { useRequest } from '../../hooks/use-request';
import { ChoiceGroup } from '../../components/choice-group';
import { searchUnits } from '../display/format';
import { inputLabel } from '../../components/a11y';

export type PickedUnit = { id: string; label: string };
const SHOWN = 24;

/**
 * The unit a caller names: their building, then the room typed or tapped. Rooms are in numeric order
 * (101 before 1001) and filtered as the number is typed; a building's rooms are a few hundred at most.
 */
export function UnitPicker({ communityId, onPick }: { communityId: string; onPick: (u: PickedUnit) => void }) {
  const buildings = useRequest(() => bff.buildings(communityId), [communityId]);
  const [buildingId, setBuildingId] = useState<string>();
  const building = buildings.data?.items.find((b) => b.id === buildingId) ?? buildings.data?.items[0];
  const units = useRequest(() => (building ? bff.units(building.id) : Promise.resolve({ items: [] })), [building?.id]);
  const [query, setQuery] = useState('');
  const found = searchUnits(units.data?.items ?? [], query);

  return (
    <View className="unit-picker" data-testid="unit-picker">
      <ChoiceGroup
        options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
        value={building?.id}
        onChange={(id) => id && setBuildingId(id)}
        testId="unit-picker-buildings"
      />
      <Input
        placeholder="输入房号，例如 1001"
        type="number"
        value={query}
        onChange={setQuery}
        clearable
        {...inputLabel('房号')}
        data-testid="unit-picker-search"
      />
      <View className="unit-picker__rooms">
        {found.slice(0, SHOWN).map((u) => (
          <Button
            key={u.id}
            className="unit-picker__room"
            fill="outline"
            onClick={() => onPick({ id: u.id, label: `${building!.name} ${u.number}室` })}
          >
            {u.number}
          </Button>
        ))}
      </View>
      {units.data && found.length === 0 && <Text className="hint">没有这个房号，请核对楼栋</Text>}
      {found.length > SHOWN && <Text className="hint">还有 {found.length - SHOWN} 间，请输入房号缩小范围</Text>}
    </View>
  );
}
