-- One active recurring standard per kind and scope (docs/domain.md §4, Billing runs): a second active
-- 物业服务费 for every building, or for the same building type, or a second parking fee, would bill the
-- same months twice. The most specific standard applies (a building type's beats the generic one);
-- one-off and shared items are chosen per run, so several may be active.
CREATE UNIQUE INDEX "FeeItem_active_scope" ON "FeeItem"("communityId", "kind", coalesce("buildingType", ''))
  WHERE "active" AND "kind" IN ('PROPERTY', 'PARKING');
