export default definePageConfig({ navigationBarTitleText: '物业通' });
