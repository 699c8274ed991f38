// Region catalog served by GET /subscriptions/{id}/locations. Paired regions follow Azure's published
// pairs; every region the demo or the bulk generator uses is here together with its pair.

export interface RegionInfo {
  name: string;
  displayName: string;
  regionalDisplayName: string;
  geography: string;
  geographyGroup: string;
  physicalLocation: string;
  latitude: string;
  longitude: string;
  pairedRegion: string;
}

export const REGIONS: readonly RegionInfo[] = [
  {
    name: 'eastus',
    displayName: 'East US',
    regionalDisplayName: '(US) East US',
    geography: 'United States',
    geographyGroup: 'US',
    physicalLocation: 'Virginia',
    latitude: '37.3719',
    longitude: '-79.8164',
    pairedRegion: 'westus',
  },
  {
    name: 'westus',
    displayName: 'West US',
    regionalDisplayName: '(US) West US',
    geography: 'United States',
    geographyGroup: 'US',
    physicalLocation: 'California',
    latitude: '37.783',
    longitude: '-122.417',
    pairedRegion: 'eastus',
  },
  {
    name: 'eastus2',
    displayName: 'East US 2',
    regionalDisplayName: '(US) East US 2',
    geography: 'United States',
    geographyGroup: 'US',
    physicalLocation: 'Virginia',
    latitude: '36.6681',
    longitude: '-78.3889',
    pairedRegion: 'centralus',
  },
  {
    name: 'centralus',
    displayName: 'Central US',
    regionalDisplayName: '(US) Central US',
    geography: 'United States',
    geographyGroup: 'US',
    physicalLocation: 'Iowa',
    latitude: '41.5908',
    longitude: '-93.6208',
    pairedRegion: 'eastus2',
  },
  {
    name: 'westus2',
    displayName: 'West US 2',
    regionalDisplayName: '(US) West US 2',
    geography: 'United States',
    geographyGroup: 'US',
    physicalLocation: 'Washington',
    latitude: '47.233',
    longitude: '-119.852',
    pairedRegion: 'westcentralus',
  },
  {
    name: 'westcentralus',
    displayName: 'West Central US',
    regionalDisplayName: '(US) West Central US',
    geography: 'United States',
    geographyGroup: 'US',
    physicalLocation: 'Wyoming',
    latitude: '40.89',
    longitude: '-110.234',
    pairedRegion: 'westus2',
  },
  {
    name: 'westeurope',
    displayName: 'West Europe',
    regionalDisplayName: '(Europe) West Europe',
    geography: 'Europe',
    geographyGroup: 'Europe',
    physicalLocation: 'Netherlands',
    latitude: '52.3667',
    longitude: '4.9',
    pairedRegion: 'northeurope',
  },
  {
    name: 'northeurope',
    displayName: 'North Europe',
    regionalDisplayName: '(Europe) North Europe',
    geography: 'Europe',
    geographyGroup: 'Europe',
    physicalLocation: 'Ireland',
    latitude: '53.3478',
    longitude: '-6.2597',
    pairedRegion: 'westeurope',
  },
  {
    name: 'uksouth',
    displayName: 'UK South',
    regionalDisplayName: '(Europe) UK South',
    geography: 'United Kingdom',
    geographyGroup: 'Europe',
    physicalLocation: 'London',
    latitude: '50.941',
    longitude: '-0.799',
    pairedRegion: 'ukwest',
  },
  {
    name: 'ukwest',
    displayName: 'UK West',
    regionalDisplayName: '(Europe) UK West',
    geography: 'United Kingdom',
    geographyGroup: 'Europe',
    physicalLocation: 'Cardiff',
    latitude: '53.427',
    longitude: '-3.084',
    pairedRegion: 'uksouth',
  },
  {
    name: 'southeastasia',
    displayName: 'Southeast Asia',
    regionalDisplayName: '(Asia Pacific) Southeast Asia',
    geography: 'Asia Pacific',
    geographyGroup: 'Asia Pacific',
    physicalLocation: 'Singapore',
    latitude: '1.283',
    longitude: '103.833',
    pairedRegion: 'eastasia',
  },
  {
    name: 'eastasia',
    displayName: 'East Asia',
    regionalDisplayName: '(Asia Pacific) East Asia',
    geography: 'Asia Pacific',
    geographyGroup: 'Asia Pacific',
    physicalLocation: 'Hong Kong',
    latitude: '22.267',
    longitude: '114.188',
    pairedRegion: 'southeastasia',
  },
  {
    name: 'japaneast',
    displayName: 'Japan East',
    regionalDisplayName: '(Asia Pacific) Japan East',
    geography: 'Japan',
    geographyGroup: 'Asia Pacific',
    physicalLocation: 'Tokyo, Saitama',
    latitude: '35.68',
    longitude: '139.77',
    pairedRegion: 'japanwest',
  },
  {
    name: 'japanwest',
    displayName: 'Japan West',
    regionalDisplayName: '(Asia Pacific) Japan West',
    geography: 'Japan',
    geographyGroup: 'Asia Pacific',
    physicalLocation: 'Osaka',
    latitude: '34.6939',
    longitude: '135.5022',
    pairedRegion: 'japaneast',
  },
];

const byName = new Map(REGIONS.map((r) => [r.name, r]));

export function findRegion(name: string): RegionInfo | undefined {
  return byName.get(normalizeRegion(name));
}

/** ARM accepts "East US", "eastus", "EastUS" for the same region. */
export function normalizeRegion(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

export function pairedRegionOf(name: string): string | undefined {
  return findRegion(name)?.pairedRegion;
}
